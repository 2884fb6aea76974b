// The page's message box (#mpl-message, a polite live region) and file downloads. Every text goes in with
// textContent, never as HTML. A message that is an error, or offers a choice, takes the focus (a focused alert).

/** Shows a message: kind "success", "warning" or "error"; items: lines of a list; actions: [label, onClick] buttons.
 * `topic` names what the message is about (data-topic), so that a later event can replace only its own message;
 * `focus` (by default: an error, or a message with buttons) moves the focus to it. */
export function showMessage(doc, kind, title, items = [], actions = [], { topic = "", focus = kind === "error" || actions.length > 0 } = {}) {
  const box = doc.getElementById("mpl-message");
  const heading = doc.createElement("p");
  heading.className = "mpl-assess__message-title";
  heading.textContent = title;
  const parts = [heading];
  if (items.length) {
    const list = doc.createElement("ul");
    for (const item of items) {
      const li = doc.createElement("li");
      li.textContent = item;
      list.append(li);
    }
    parts.push(list);
  }
  for (const [label, onClick] of actions) {
    const button = doc.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = label;
    button.addEventListener("click", onClick);
    parts.push(button);
  }
  box.replaceChildren(...parts);
  box.dataset.kind = kind;
  box.dataset.topic = topic;
  if (focus) focusInPlace(doc, box);
}

// Focus without moving the page when the message's first line is already in view (a jump hides where the reader was).
function focusInPlace(doc, box) {
  box.focus({ preventScroll: true });
  const top = box.getBoundingClientRect().top;
  if (top < 0 || top > doc.defaultView.innerHeight - 48) box.scrollIntoView({ block: "start" });
}

export function clearMessage(doc) {
  const box = doc.getElementById("mpl-message");
  box.replaceChildren();
  box.dataset.topic = "";
}

/** The topic of the message shown now ("" when none, or when it has none). */
export function messageTopic(doc) {
  const box = doc.getElementById("mpl-message");
  return box.childElementCount ? box.dataset.topic || "" : "";
}

export function download(doc, name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement("a");
  link.href = url;
  link.download = name;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Today's date for file names, such as 2026-01-31. */
export const stamp = () => new Date().toISOString().slice(0, 10);
