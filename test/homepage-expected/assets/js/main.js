// Progressive enhancement for every page: the dark-mode toggle, the phone menu and the blog's
// tag filter. The site reads and works without this file.
(function () {
  "use strict";
  var root = document.documentElement;
  var dark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  // Dark mode: data-theme on <html> overrides the system preference; the choice is remembered.
  function currentTheme() {
    var chosen = root.getAttribute("data-theme");
    if (chosen === "dark" || chosen === "light") return chosen;
    return dark && dark.matches ? "dark" : "light";
  }
  function syncToggle(button) {
    var isDark = currentTheme() === "dark";
    button.setAttribute("aria-pressed", isDark ? "true" : "false");
    button.setAttribute("aria-label", isDark ? "Switch to light mode" : "Switch to dark mode");
    button.title = button.getAttribute("aria-label");
  }
  var themeButton = document.querySelector(".theme-toggle");
  if (themeButton) {
    syncToggle(themeButton);
    themeButton.addEventListener("click", function () {
      var next = currentTheme() === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { localStorage.setItem("theme", next); } catch (e) { /* private mode: not remembered */ }
      syncToggle(themeButton);
    });
    if (dark && dark.addEventListener) {
      dark.addEventListener("change", function () { syncToggle(themeButton); });
    }
  }

  // Phone menu: the links are visible without JavaScript; with it they fold behind a button.
  var navButton = document.querySelector(".nav-toggle");
  var nav = document.getElementById("site-nav");
  if (navButton && nav) {
    navButton.hidden = false;
    navButton.addEventListener("click", function () {
      var open = nav.classList.toggle("is-open");
      navButton.setAttribute("aria-expanded", open ? "true" : "false");
    });
    nav.addEventListener("click", function (event) {
      if (event.target.closest("a")) {
        nav.classList.remove("is-open");
        navButton.setAttribute("aria-expanded", "false");
      }
    });
  }

  // Blog index: the tag buttons are links to /tags/#slug; here they filter the list in place.
  var filter = document.querySelector(".tag-filter");
  if (filter) {
    var buttons = filter.querySelectorAll("[data-filter]");
    var items = document.querySelectorAll(".post-list-item[data-tags]");
    var groups = document.querySelectorAll(".year-group");
    var status = document.querySelector(".filter-status");
    var apply = function (slug) {
      var shown = 0;
      items.forEach(function (item) {
        var tags = item.getAttribute("data-tags").split(" ");
        var visible = !slug || tags.indexOf(slug) !== -1;
        item.hidden = !visible;
        if (visible) shown++;
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector(".post-list-item:not([hidden])");
      });
      buttons.forEach(function (button) {
        button.setAttribute("aria-pressed", button.getAttribute("data-filter") === slug ? "true" : "false");
      });
      if (status) status.textContent = slug ? shown + (shown === 1 ? " post" : " posts") + " tagged “" + slug + "”" : "";
    };
    buttons.forEach(function (button) {
      button.setAttribute("role", "button");
      button.addEventListener("click", function (event) {
        event.preventDefault();
        var slug = button.getAttribute("data-filter");
        apply(slug);
        history.replaceState(null, "", slug ? "#tag-" + slug : location.pathname);
      });
    });
    var m = /^#tag-(.+)$/.exec(location.hash);
    if (m) apply(decodeURIComponent(m[1]));
  }
})();
