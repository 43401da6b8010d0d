// «/» puts the cursor in the header's search box from any page (as on GitHub or Gmail), unless
// the user is typing in a field; Escape leaves the box again (once its result list is closed),
// back where the user was. Mounted once in root.tsx; it finds the box by its id and does not
// touch the search component itself.
import { useEffect } from "react";

/** The id the header search input should carry; until it does, the header's search box is found by its role. */
export const HEADER_SEARCH_INPUT_ID = "header-search-q";

function headerSearchInput(): HTMLInputElement | null {
  return (
    (document.getElementById(HEADER_SEARCH_INPUT_ID) as HTMLInputElement | null) ??
    document.querySelector<HTMLInputElement>('header [role="search"] input[type="search"]')
  );
}

/** Typing in a field: «/» is a character there, not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="textbox"]') !== null;
}

export function KeyboardShortcuts() {
  useEffect(() => {
    headerSearchInput()?.setAttribute("aria-keyshortcuts", "/");
    let returnTo: HTMLElement | null = null;
    // Capture phase: seen before the search box's own handlers, so an open result list closes first.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const input = headerSearchInput();
      if (!input) return;
      if (event.key === "/" && !isTyping(event.target)) {
        event.preventDefault();
        const active = document.activeElement;
        returnTo = active instanceof HTMLElement && active !== document.body ? active : null;
        input.focus();
        input.select();
        return;
      }
      const searchArea = input.form ?? input.parentElement;
      if (event.key === "Escape" && searchArea?.contains(document.activeElement) && input.getAttribute("aria-expanded") !== "true") {
        (document.activeElement as HTMLElement | null)?.blur();
        returnTo?.focus();
        returnTo = null;
      }
    };
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, []);
  return null;
}
