// The interface strings of practices/interface.yml, as the compiler passes them to the scripts (data.json `strings`).
// Node has no YAML reader: this reads the plain form the file keeps (one `key: value` a line, values plain, in double
// quotes, or `|` blocks). tests/test_javascript.py checks that it reads exactly what PyYAML reads.
import { readFileSync } from "node:fs";

const FILE = new URL("../../practices/interface.yml", import.meta.url);

export function readStrings(text = readFileSync(FILE, "utf8")) {
  const strings = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i += 1) {
    const found = /^ {2}([a-z_]+(?:\.[a-z_]+)*): ?(.*)$/.exec(lines[i]);
    if (!found) continue;
    const [, key, rest] = found;
    if (rest === "|") {
      const block = [];
      while (i + 1 < lines.length && (lines[i + 1].startsWith("    ") || lines[i + 1].trim() === "")) block.push(lines[(i += 1)].slice(4));
      while (block.length && block[block.length - 1] === "") block.pop();
      strings[key] = block.join("\n") + "\n";
    } else if (rest.startsWith('"')) {
      strings[key] = JSON.parse(rest);
    } else {
      strings[key] = rest.replace(/\s+#.*$/, "").trim();
    }
  }
  return strings;
}

export const STRINGS = readStrings();
