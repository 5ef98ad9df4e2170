// The kit editor's quality panel follows what the editor types: a second after the last
// keystroke, the edit form is posted to kits.quality_admin (nothing is saved), which
// answers the panel assessed with the publish check's rules (kits/quality.py).
(() => {
  const DELAY = 1000;
  let timer = null;
  let sent = 0;

  const refresh = async (panel, form) => {
    const number = ++sent;
    const data = new FormData(form);
    // Only what an action button would add must not go: this is no save.
    [...data.keys()].filter((name) => name.startsWith("action-")).forEach((name) => data.delete(name));
    try {
      const response = await fetch(panel.dataset.qualityUrl, {
        method: "POST",
        body: data,
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (!response.ok || number !== sent) return; // a newer answer is on its way
      const answer = await response.json();
      panel.innerHTML = answer.html;
    } catch {
      // Offline or refused: the panel keeps its last figures.
    }
  };

  const start = () => {
    const panel = document.querySelector("[data-kit-quality-panel]");
    const form = panel && panel.closest("form");
    if (!panel || !form || !panel.dataset.qualityUrl) return;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => refresh(panel, form), DELAY);
    };
    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
