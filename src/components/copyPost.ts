// "Copy post": copies the build's post (dist/share/post.txt holds the same text) to the clipboard. Where
// the clipboard API is missing or refused (a page opened from file://, an old browser), the text is
// shown in a selected text area for the reader to copy by hand.
export function copyPostButton(text: string): HTMLElement {
  const wrapper = document.createElement("div");
  wrapper.className = "copy-post";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Copy post";
  const status = document.createElement("span");
  status.className = "copy-post-status";
  status.setAttribute("role", "status");
  const fallback = document.createElement("textarea");
  fallback.className = "copy-post-text";
  fallback.readOnly = true;
  fallback.value = text;
  fallback.rows = 12;
  fallback.hidden = true;
  fallback.setAttribute("aria-label", "The post, to copy");
  const showFallback = () => {
    fallback.hidden = false;
    fallback.focus();
    fallback.select();
    status.textContent = "Select all and copy (Ctrl+C or ⌘C).";
  };
  button.addEventListener("click", async () => {
    if (!navigator.clipboard?.writeText || !window.isSecureContext) return showFallback();
    try {
      await navigator.clipboard.writeText(text);
      fallback.hidden = true;
      status.textContent = `Copied: ${text.length} characters.`;
    } catch {
      showFallback();
    }
  });
  wrapper.append(button, status, fallback);
  return wrapper;
}
