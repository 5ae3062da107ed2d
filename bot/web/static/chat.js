// The chat: talks to Rasa's socket.io channel through our own origin (/socket.io/).
// Message content is only ever set as text (textContent), never as HTML. The session id lives
// in sessionStorage, nothing else is stored; no cookies.
"use strict";

(function () {
  var SESSION_KEY = "wegwijzer-session";
  var TYPING_TIMEOUT_MS = 15000;
  var PHONE = /(\+31[\d ]{9,14}\d|0800-\d{4}|0900-\d{4}|0\d{2,3}-\d[\d ]{2,9}\d|\b11[23]\b)/g;
  // A link never ends in the sentence's punctuation ("via https://www.veiligthuis.nl, meestal").
  var URL = /(https?:\/\/[^\s)]*[^\s).,;:!?]|\b[\w-]+(?:\.[\w-]+)*\.nl\b(?:\/[^\s)]*[^\s).,;:!?])?)/g;

  var TEXT = {
    nl: {
      skip: "Naar het invoerveld", exit: "Snel weg", exitHint: "Of druk op Esc, of 3 keer op Shift.",
      botNotice: "Dit is een chatbot, geen mens. Je hoeft je naam niet te geven.",
      helpLabel: "Hulp", call112: "Direct gevaar? Bel", callVT: "Veilig Thuis, gratis, dag en nacht:",
      callVTShort: "Veilig Thuis:", freeDayNight: "gratis, dag en nacht",
      offline: "De chat werkt nu niet.", logLabel: "Gesprek", typing: "Wegwijzer typt",
      messageLabel: "Typ je bericht", send: "Verstuur", safeBrowsing: "Veilig browsen",
      you: "Jij", bot: "Wegwijzer", language: "English", callNow: "Bel", forget: "Gesprek wissen"
    },
    en: {
      skip: "Skip to the message field", exit: "Leave this site", exitHint: "Or press Esc, or Shift 3 times.",
      botNotice: "This is a chatbot, not a person. You do not need to give your name.",
      helpLabel: "Help", call112: "In danger right now? Call", callVT: "Veilig Thuis, free, day and night:",
      callVTShort: "Veilig Thuis:", freeDayNight: "free, day and night",
      offline: "The chat is not working right now.", logLabel: "Conversation", typing: "Wegwijzer is typing",
      messageLabel: "Type your message", send: "Send", safeBrowsing: "Safe browsing",
      you: "You", bot: "Wegwijzer", language: "Nederlands", callNow: "Call", forget: "Delete conversation"
    }
  };
  var language = "nl";
  var socket = null;
  var typingTimer = null;

  function $(id) { return document.getElementById(id); }

  function sessionId() {
    var id = null;
    try { id = sessionStorage.getItem(SESSION_KEY); } catch (e) { /* storage disabled */ }
    if (!id) {
      id = (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : String(Date.now()) + Math.random();
      try { sessionStorage.setItem(SESSION_KEY, id); } catch (e) { /* keep it in memory only */ }
    }
    return id;
  }

  function setLanguage(code) {
    language = code;
    document.documentElement.lang = code;
    var texts = TEXT[code];
    document.querySelectorAll("[data-i18n]").forEach(function (el) {
      el.textContent = texts[el.getAttribute("data-i18n")];
    });
    document.querySelectorAll("[data-i18n-label]").forEach(function (el) {
      el.setAttribute("aria-label", texts[el.getAttribute("data-i18n-label")]);
    });
    var toggle = $("language");
    toggle.textContent = texts.language;
    toggle.lang = code === "nl" ? "en" : "nl";
  }

  // The bot answers in the conversation's language; the page follows it.
  function followLanguage(text) {
    var english = (text.match(/\b(you|your|the|call|is|are|and|with)\b/gi) || []).length;
    var dutch = (text.match(/\b(je|jij|de|het|bel|is|en|met|een)\b/gi) || []).length;
    if (english > dutch + 1 && language !== "en") { setLanguage("en"); }
    if (dutch > english + 1 && language !== "nl") { setLanguage("nl"); }
  }

  // Text with phone numbers as tel: links and sites as links; everything else stays text.
  function appendRich(parent, text) {
    var pattern = new RegExp(PHONE.source + "|" + URL.source, "g");
    var last = 0;
    text.replace(pattern, function (match, phone, url, offset) {
      parent.appendChild(document.createTextNode(text.slice(last, offset)));
      var link = document.createElement("a");
      link.textContent = match;
      if (phone) {
        link.href = "tel:" + match.replace(/[^\d+]/g, "");
      } else {
        link.href = /^https?:\/\//.test(match) ? match : "https://" + match;
        link.rel = "noreferrer noopener";
        link.target = "_blank";
      }
      parent.appendChild(link);
      last = offset + match.length;
      return match;
    });
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function addMessage(who, text) {
    var item = document.createElement("div");
    item.className = "message " + who;
    var label = document.createElement("span");
    label.className = "visually-hidden";
    label.textContent = TEXT[language][who === "user" ? "you" : "bot"] + ": ";
    item.appendChild(label);
    text.split("\n").forEach(function (line, index) {
      if (index > 0) { item.appendChild(document.createElement("br")); }
      appendRich(item, line);
    });
    $("log").appendChild(item);
    item.scrollIntoView({ block: "end" });
    return item;
  }

  function addButtons(buttons) {
    var group = document.createElement("div");
    group.className = "buttons";
    buttons.forEach(function (button) {
      var element = document.createElement("button");
      element.type = "button";
      element.textContent = button.title;
      element.addEventListener("click", function () {
        group.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
        send(button.payload, button.title);
      });
      group.appendChild(element);
    });
    $("log").appendChild(group);
  }

  function addCard(card) {
    var box = document.createElement("div");
    box.className = "card";
    var name = document.createElement("strong");
    name.textContent = card.name;
    box.appendChild(name);
    var call = document.createElement("a");
    call.className = "help-button";
    call.href = card.phone_link;
    call.textContent = TEXT[language].callNow + " " + card.phone;
    box.appendChild(call);
    [card.website, card.chat_url].forEach(function (site) {
      if (!site) { return; }
      var link = document.createElement("a");
      link.href = site;
      link.rel = "noreferrer noopener";
      link.target = "_blank";
      link.textContent = site.replace(/^https?:\/\//, "");
      box.appendChild(link);
    });
    $("log").appendChild(box);
  }

  function typing(on) {
    $("typing").hidden = !on;
    clearTimeout(typingTimer);
    if (on) { typingTimer = setTimeout(function () { $("typing").hidden = true; }, TYPING_TIMEOUT_MS); }
  }

  function offline(on) {
    $("offline").hidden = !on;
    if (on) { typing(false); }
  }

  var forgetting = false;

  // After "delete this conversation" the server has forgotten it: the page forgets it too and
  // goes on with a new session; only the confirmation stays on screen.
  function startAfresh() {
    forgetting = false;
    var log = $("log");
    while (log.children.length > 1) { log.removeChild(log.firstChild); }
    try { sessionStorage.removeItem(SESSION_KEY); } catch (e) { /* storage disabled */ }
    if (socket && socket.connected) { socket.emit("session_request", { session_id: sessionId() }); }
  }

  function receive(message) {
    typing(false);
    if (message.text) {
      followLanguage(message.text);
      addMessage("bot", message.text);
    }
    var buttons = message.quick_replies || message.buttons;
    if (buttons && buttons.length) { addButtons(buttons); }
    if (message.veilig_thuis) { addCard(message.veilig_thuis); }
    if (forgetting && message.text) { startAfresh(); }
  }

  var pending = [];

  function emit(text) {
    socket.emit("user_uttered", { message: text, session_id: sessionId() });
  }

  function send(payload, shown) {
    var text = (payload || "").trim();
    if (!text) { return; }
    addMessage("user", shown || text);
    typing(true);
    // Typed before the connection is up (or while it is back on its way): sent when it is.
    if (socket && socket.connected) { emit(text); } else { pending.push(text); }
  }

  function connect() {
    if (typeof io !== "function") { offline(true); return; }
    // Long-polling only: plain requests to our own origin (see bot/web/proxy.py).
    socket = io({ path: "/socket.io/", transports: ["polling"], upgrade: false, reconnectionDelayMax: 10000 });
    socket.on("connect", function () {
      offline(false);
      socket.emit("session_request", { session_id: sessionId() });
      pending.splice(0).forEach(emit);
    });
    socket.on("bot_uttered", receive);
    socket.on("disconnect", function () { offline(true); });
    socket.on("connect_error", function () { offline(true); });
    window.addEventListener("wegwijzer:exit", function () { socket.disconnect(); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    $("composer").addEventListener("submit", function (event) {
      event.preventDefault();
      var field = $("message");
      send(field.value);
      field.value = "";
      field.focus();
    });
    $("message").addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey) {
        event.preventDefault();
        $("composer").requestSubmit();
      }
    });
    $("language").addEventListener("click", function () {
      var next = language === "nl" ? "en" : "nl";
      setLanguage(next);
      send('/greet{"language": "' + next + '"}', next === "en" ? "English" : "Nederlands");
    });
    $("forget").addEventListener("click", function () {
      forgetting = true;
      send("/forget_conversation", TEXT[language].forget);
    });
    sessionId();
    connect();
  });
}());
