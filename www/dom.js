// Building the page's elements. Text always goes in as textContent: nothing shown is markup.

/** A `tag` element with `className` and `text`, each when given. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A button (never a form submit) showing `text`, with `title` when given, calling `onClick`. */
export function button(text, title, onClick) {
  const node = el('button', '', text);
  node.type = 'button';
  if (title) node.title = title;
  node.addEventListener('click', onClick);
  return node;
}
