// wagtail-localize's translation editor with the page's workflow (home/translation_review.py):
// once its React footer is drawn, the buttons of <template id="translation-review-actions">
// join it. The one marked data-review-primary becomes the main button; wagtail-localize's
// main one ("Delete" for an Editor) moves into the menu. Its own nodes are hidden and
// copied, never moved, so that React can still update them.
const placeTranslationReview = () => {
  const actions = document.getElementById("translation-review-actions");
  if (!actions) return;

  // wagtail-localize writes "<source> to <target> translation" in English, without gettext.
  const renameHeadings = () => {
    document.querySelectorAll(".js-translation-editor h3").forEach((heading) => {
      if (heading.textContent === actions.dataset.headingFrom) heading.textContent = actions.dataset.headingTo;
    });
  };

  const place = () => {
    renameHeadings();
    const group = document.querySelector(".js-translation-editor footer .w-dropdown-button");
    const menu = group && group.querySelector(".w-dropdown__content");
    if (!menu || group.dataset.reviewPlaced) return;
    group.dataset.reviewPlaced = "true";
    const buttons = actions.content.cloneNode(true);
    const primary = buttons.querySelector("[data-review-primary]");
    const current = group.firstElementChild;
    if (primary && current !== menu.parentElement) {
      menu.prepend(current.cloneNode(true));
      current.style.display = "none";
      group.insertBefore(primary, current);
    }
    buttons.querySelectorAll("button").forEach((button) => {
      button.classList.add("action-secondary");
      menu.append(button);
    });
    const toggleLabel = group.querySelector(".w-dropdown__toggle .w-sr-only");
    if (toggleLabel) toggleLabel.textContent = actions.dataset.moreActions;
  };

  // React draws the footer after this script, and may draw it again: place it each time.
  place();
  new MutationObserver(place).observe(document.body, { childList: true, subtree: true });
};

// The admin loads its scripts in <head>: wait for the page.
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", placeTranslationReview);
} else {
  placeTranslationReview();
}
