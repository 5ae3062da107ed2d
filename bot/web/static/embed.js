// Wegwijzer on another site: one <script src="https://<our host>/static/embed.js" defer></script>.
// It adds a button that opens the chat in a frame from our own origin, so the host site never
// sees the conversation. The host must be listed in WEB_FRAME_ANCESTORS.
"use strict";

(function () {
  var script = document.currentScript;
  var origin = new URL(script.src).origin;
  var opened = null;

  function open() {
    if (opened) { opened.hidden = !opened.hidden; return; }
    var frame = document.createElement("iframe");
    frame.src = origin + "/";
    frame.title = "Wegwijzer chat";
    frame.referrerPolicy = "no-referrer";
    // Top navigation lets the quick exit leave the host page too, not only the frame.
    frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-forms allow-popups allow-top-navigation");
    frame.style.cssText = "position:fixed;right:1rem;bottom:4.5rem;width:min(26rem,calc(100vw - 2rem));" +
      "height:min(40rem,calc(100vh - 6rem));border:2px solid #154273;border-radius:6px;background:#fff;z-index:2147483646";
    document.body.appendChild(frame);
    opened = frame;
  }

  var button = document.createElement("button");
  button.type = "button";
  button.textContent = script.getAttribute("data-label") || "Chat met Wegwijzer";
  button.style.cssText = "position:fixed;right:1rem;bottom:1rem;min-height:44px;padding:0.5rem 1rem;" +
    "font:inherit;font-weight:700;color:#fff;background:#154273;border:2px solid #fff;border-radius:6px;" +
    "z-index:2147483647;cursor:pointer";
  button.addEventListener("click", open);
  document.body.appendChild(button);
}());
