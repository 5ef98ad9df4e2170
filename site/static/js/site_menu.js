/* The header's "Menu" disclosure is a <details>, usable without this script. On wide
   screens the CSS hides its button and shows its content as a bar; this keeps the element
   itself open there, so that browsers without ::details-content show the bar too, and
   closes it again when the screen narrows (a rotated tablet). */
(function () {
    "use strict";
    var menu = document.querySelector("[data-site-menu]");
    if (!menu || !window.matchMedia) {
        return;
    }
    var wide = window.matchMedia("(min-width: 60rem)");
    function follow() {
        menu.open = wide.matches;
    }
    follow();
    if (wide.addEventListener) {
        wide.addEventListener("change", follow);
    }
    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && menu.open && !wide.matches) {
            menu.open = false;
            menu.querySelector("summary").focus();
        }
    });
})();
