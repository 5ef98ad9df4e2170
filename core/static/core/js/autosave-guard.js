// Wagtail 8.0.1: once the edit form is submitted, or carries a workflow action
// (workflow-action.js adds hidden inputs), the editor's autosave must not POST the same
// form again while the action is running. See docs/decisions/0010.
(() => {
  let submitted = false;
  const isAction = (name) => name.startsWith("action-") || name === "workflow-action-name";
  document.addEventListener(
    "submit",
    (event) => {
      if (event.target.matches("[data-edit-form]")) submitted = true;
    },
    { capture: true },
  );
  document.addEventListener(
    "w-autosave:save",
    (event) => {
      const data = event.detail && event.detail.formData;
      const carriesAction = data && [...data.keys()].some(isAction);
      if (submitted || carriesAction) event.preventDefault();
    },
    { capture: true },
  );
})();
