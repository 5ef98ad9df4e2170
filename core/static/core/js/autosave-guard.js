// Wagtail 8.0.1: once the edit form is submitted, or carries a workflow action
// (workflow-action.js adds hidden inputs), the editor's autosave must not POST the same
// form again while the action is running. See docs/decisions/0010.
// And a form submitted while an autosave is on its way waits for it: on a new page the
// autosave creates the page and points the form at its edit view; the same form sent
// to the "add" view meanwhile would create it a second time (an error on its slug).
(() => {
  let submitted = false;
  let saving = false;
  let waiting = null; // [form, submitter] held until the autosave answers
  const HOLD_AT_MOST_MS = 10000;
  const isAction = (name) => name.startsWith("action-") || name === "workflow-action-name";
  document.addEventListener(
    "submit",
    (event) => {
      if (!event.target.matches("[data-edit-form]")) return;
      if (saving) {
        event.preventDefault();
        event.stopImmediatePropagation(); // no "saving…" state on a button that waits
        waiting = [event.target, event.submitter];
        setTimeout(answered, HOLD_AT_MOST_MS); // a click is never lost, even without an answer
        return;
      }
      submitted = true;
    },
    { capture: true },
  );
  document.addEventListener(
    "w-autosave:save",
    (event) => {
      const data = event.detail && event.detail.formData;
      const carriesAction = data && [...data.keys()].some(isAction);
      if (submitted || carriesAction || waiting) event.preventDefault();
    },
    { capture: true },
  );
  // Bubbling phase: whether the autosave really left, once every listener has spoken.
  document.addEventListener("w-autosave:save", (event) => {
    saving = !event.defaultPrevented;
  });
  function answered() {
    saving = false;
    if (!waiting) return;
    const [form, submitter] = waiting;
    waiting = null;
    form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
  }
  document.addEventListener("w-autosave:success", answered);
  document.addEventListener("w-autosave:error", answered);
})();
