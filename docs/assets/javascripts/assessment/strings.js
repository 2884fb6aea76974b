// The interface strings of the scripts: every text they show comes from practices/interface.yml, which the
// compiler passes in data.json as `strings` (the keys under the prefixes JS_STRINGS names). Pure: no DOM.
// `{name}` is filled in from `values`; when `values.count` is given and `key` itself is not a string, the key
// `<key>.one` (count 1) or `<key>.other` is used, as the site's own SiteConfig.t does at build time.

const hasOwn = (object, key) => Boolean(object) && Object.prototype.hasOwnProperty.call(object, key);

/** The string `key` of `strings`, filled in; a missing key gives the key itself (the tests make sure none is). */
export function t(strings, key, values = {}) {
  let name = key;
  if (!hasOwn(strings, name) && values.count !== undefined) name = `${key}.${values.count === 1 ? "one" : "other"}`;
  const text = hasOwn(strings, name) ? strings[name] : key;
  return fill(text, values);
}

/** `text` with every `{name}` replaced by values[name] (unknown names are left as they are). */
export function fill(text, values = {}) {
  return String(text).replace(/\{([a-z_]+)\}/g, (whole, name) => (hasOwn(values, name) ? String(values[name]) : whole));
}

/** A bound t() for the strings of a data.json: tr(data)("results.title"). */
export function tr(data) {
  const strings = (data && data.strings) || {};
  return (key, values) => t(strings, key, values);
}

/** Labels joined with the interface's "or", each in quotation marks (as the built page joins them). */
export function orList(say, labels) {
  return labels.map((label) => `“${label}”`).join(` ${say("assessment.or")} `);
}

/** Items joined with commas, for short lists such as roles. */
export const listOf = (items) => items.join(", ");
