// Quick exit, after GOV.UK's "Exit this page": the button, Esc, or Shift three times within
// 5 seconds. The page blanks at once, this tab's session is forgotten, and the neutral site
// replaces this page in the history (location.replace), so Back does not return here.
"use strict";

(function () {
  var SHIFT_PRESSES = 3;
  var SHIFT_WINDOW_MS = 5000;
  var shifts = [];

  function leave() {
    var url = document.body.getAttribute("data-exit-url") || "about:blank";
    try { sessionStorage.clear(); } catch (e) { /* storage may be disabled */ }
    document.title = "";
    document.documentElement.style.background = "#fff";
    document.body.replaceChildren();
    document.body.style.visibility = "hidden";
    window.dispatchEvent(new Event("wegwijzer:exit"));
    try {
      // Embedded in another site: leave the whole page, not only the frame.
      if (window.top !== window.self) { window.top.location.replace(url); return; }
    } catch (e) { /* cross-origin top without permission: leave the frame at least */ }
    window.location.replace(url);
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { leave(); return; }
    // Only Shift presses in a row count, as on GOV.UK: typing capitals puts letters in between.
    if (event.key !== "Shift") { shifts = []; return; }
    if (event.repeat) { return; }
    var now = Date.now();
    shifts = shifts.filter(function (t) { return now - t < SHIFT_WINDOW_MS; });
    shifts.push(now);
    if (shifts.length >= SHIFT_PRESSES) { leave(); }
  });

  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("exit");
    if (button) { button.addEventListener("click", leave); }
  });

  window.wegwijzerLeave = leave;
}());
