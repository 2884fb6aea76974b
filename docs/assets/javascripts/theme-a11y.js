// Accessibility fixes to mkdocs-material's markup: names the landmarks it leaves unnamed
// (axe: aria-dialog-name, landmark-unique), lets the keyboard reach wide tables, makes the skip link
// move the focus, shows in the sidebar where a page left out of it belongs (WCAG 2.4.8, location), and
// keeps the target of a link to a part of a page in view while the page settles. A classic script, not a module, so that it also runs when the site is opened from file://.
(function () {
  "use strict";

  // Its words come from practices/interface.yml (theme.*), handed over by theme-strings.js (made by the compiler).
  var STRINGS = window.mplThemeStrings || {};
  function say(key, values) {
    var text = Object.prototype.hasOwnProperty.call(STRINGS, key) ? String(STRINGS[key]) : key;
    return text.replace(/\{([a-z_]+)\}/g, function (whole, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function label(element, text) {
    if (element && text && !element.getAttribute("aria-label")) element.setAttribute("aria-label", text);
  }

  // The text a screen reader would give an element, without its icons.
  function textOf(element) {
    return element ? element.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function nameLandmarks(root) {
    // A section of the sidebar is labelled by its toggle, which only holds an icon: use the section's title.
    root.querySelectorAll("nav.md-nav[aria-labelledby]").forEach(function (nav) {
      var byId = document.getElementById(nav.getAttribute("aria-labelledby"));
      if (textOf(byId)) return;
      var title = nav.querySelector(":scope > .md-nav__title");
      var text = textOf(title);
      if (text) {
        nav.removeAttribute("aria-labelledby");
        label(nav, say("theme.section", { title: text }));
      }
    });
    // Each page's tags and each search result's tags are a <nav>: give them distinct names.
    root.querySelectorAll("nav.md-tags").forEach(function (nav, index) {
      var result = nav.closest(".md-search-result__article");
      var heading = result && result.querySelector("h1, h2");
      label(nav, result ? say("theme.tags_result", { number: index + 1, title: textOf(heading) }) : say("theme.tags_page"));
    });
  }

  // A table wider than the page scrolls sideways in its wrapper: keyboard users must be able to reach it
  // (axe: scrollable-region-focusable).
  function focusableScrollers(root) {
    root.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) wrap.setAttribute("tabindex", "0");
    });
  }

  // Entry pages are left out of the sidebar, which then shows no current item. The breadcrumb's last link
  // (the index of the entry's kind) is the section the reader is in: mark its sidebar link (theme.css) and
  // say so to screen readers. Pages that the sidebar lists keep the theme's own mark.
  function markParentInNav(root) {
    var nav = root.querySelector(".md-sidebar--primary .md-nav--primary");
    var crumbs = root.querySelectorAll(".mpl-breadcrumb a[href]");
    if (!nav || !crumbs.length || nav.querySelector(".md-nav__link--active")) return;
    var parent = crumbs[crumbs.length - 1].href.split(/[?#]/)[0];
    nav.querySelectorAll("a.md-nav__link[href]").forEach(function (link) {
      if (link.href.split(/[?#]/)[0] !== parent) return;
      link.classList.add("mpl-nav__link--parent");
      link.setAttribute("aria-current", "location");
    });
  }

  // A link to a part of a page (#section-…, #q-…) lands there even when the page's own scripts change its
  // layout after the browser has scrolled (the self-assessment draws and hides questions above the target,
  // which then moved by thousands of pixels). While the page settles, for two seconds at most and until
  // the reader scrolls, clicks or presses a key, the target is brought back into view whenever the page's
  // height changes.
  function keepTargetInView() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target || !window.ResizeObserver) return;
    var observer = new ResizeObserver(function () { target.scrollIntoView(); });
    var events = ["wheel", "touchstart", "keydown", "mousedown"];
    function stop() {
      observer.disconnect();
      events.forEach(function (name) { window.removeEventListener(name, stop, true); });
    }
    events.forEach(function (name) { window.addEventListener(name, stop, true); });
    observer.observe(document.body);
    setTimeout(stop, 2000);
  }

  // The skip link moves the focus to the content, not only the scroll position, so that Tab continues there.
  // Handled here, in the capture phase: instant navigation would otherwise re-render the page and drop the focus.
  document.addEventListener("click", function (event) {
    var skip = event.target.closest && event.target.closest("a.md-skip");
    var target = skip && document.getElementById(decodeURIComponent(skip.hash.slice(1)));
    if (!target) return;
    event.preventDefault();
    event.stopPropagation();
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
    target.scrollIntoView();
  }, true);

  function start() {
    nameLandmarks(document);
    focusableScrollers(document);
    markParentInNav(document);
    keepTargetInView();
    var results = document.querySelector(".md-search-result__list");
    if (results && !results.dataset.mplObserved) {
      results.dataset.mplObserved = "true";
      new MutationObserver(function () { nameLandmarks(results); }).observe(results, { childList: true, subtree: true });
    }
  }

  // mkdocs-material's instant navigation swaps pages without a load event: document$ fires on each.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
  else document.addEventListener("DOMContentLoaded", start);
})();
