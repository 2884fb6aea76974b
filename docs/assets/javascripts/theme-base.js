// mkdocs-material's small start-up script (partials/javascripts/base.html of 9.8), as a file instead of
// inline, so that pages can forbid inline scripts (Content-Security-Policy). Its scope comes from the
// data-scope attribute of the script tag (overrides/partials/javascripts/base.html).
/* eslint-disable no-unused-vars */
var __md_scope = new URL(document.currentScript.dataset.scope, location);
var __md_hash = function (e) { return [].concat(Array.from(e)).reduce(function (a, c) { return (a << 5) - a + c.charCodeAt(0); }, 0); };
var __md_get = function (e, storage, scope) {
  storage = storage || localStorage; scope = scope || __md_scope;
  return JSON.parse(storage.getItem(scope.pathname + "." + e));
};
var __md_set = function (e, value, storage, scope) {
  storage = storage || localStorage; scope = scope || __md_scope;
  try { storage.setItem(scope.pathname + "." + e, JSON.stringify(value)); } catch (error) { /* storage off or full */ }
};
