// Runs just before an index page's list is drawn (a classic script placed above it, so that it also runs
// from file://). When the address names a filter (?stage=…, ?role=…, ?theme=…), the list would first be
// drawn whole and then shrink once index.js has filtered it: a layout shift. Instead the list stays unseen
// (library.css, "mpl-filter-pending") until index.js has applied the filter and removes the class; if
// index.js never runs (modules do not load from file://), library.css shows the list after a moment anyway.
(function () {
  "use strict";
  if (/[?&](stage|role|theme)=[^&]/.test(location.search)) {
    document.documentElement.classList.add("mpl-filter-pending");
  }
})();
