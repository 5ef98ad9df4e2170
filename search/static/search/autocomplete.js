/* Header search box: suggests page titles as you type, following the ARIA combobox
   pattern (list autocomplete, aria-activedescendant). Progressive enhancement: without
   this script the form is a plain GET form to /recherche/. */
(function () {
  "use strict";

  var MIN_LENGTH = 2;
  var DELAY = 150;

  function setup(form) {
    var input = form.querySelector(".header-search__input");
    var listbox = form.querySelector("[role=listbox]");
    var status = form.querySelector(".header-search__status");
    var url = form.getAttribute("data-suggestions-url");
    if (!input || !listbox || !url || !window.fetch) {
      return;
    }
    var options = [];
    var active = -1;
    var timer = null;
    var lastQuery = "";
    var request = 0;

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function open() {
      if (options.length) {
        listbox.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function highlight(index) {
      options.forEach(function (option, position) {
        option.element.setAttribute("aria-selected", position === index ? "true" : "false");
        option.element.classList.toggle("is-active", position === index);
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].element.id);
        options[index].element.scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function render(results) {
      listbox.textContent = "";
      options = results.map(function (result, index) {
        var item = document.createElement("li");
        item.id = listbox.id + "-" + index;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.className = "header-search__option";
        var title = document.createElement("span");
        title.className = "header-search__option-title";
        title.textContent = result.title;
        var type = document.createElement("span");
        type.className = "header-search__option-type";
        type.textContent = result.type;
        item.appendChild(title);
        item.appendChild(type);
        item.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the field
        });
        item.addEventListener("click", function () {
          go(index);
        });
        listbox.appendChild(item);
        return { element: item, url: result.url, title: result.title };
      });
      active = -1;
      var count = options.length;
      var template = form.getAttribute(count === 1 ? "data-status-one" : "data-status-many") || "";
      status.textContent = count ? template.replace("COUNT", String(count)) : "";
      if (count) {
        open();
      } else {
        close();
      }
    }

    function go(index) {
      var option = options[index];
      if (option) {
        input.value = option.title;
        close();
        window.location.assign(option.url);
      }
    }

    function suggest() {
      var query = input.value.trim();
      if (query === lastQuery) {
        open();
        return;
      }
      lastQuery = query;
      if (query.length < MIN_LENGTH) {
        render([]);
        return;
      }
      var mine = ++request;
      fetch(url + "?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          if (mine === request) {
            render(data.results || []);
          }
        })
        .catch(function () {
          if (mine === request) {
            render([]);
          }
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(suggest, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var expanded = !listbox.hidden;
      switch (event.key) {
        case "ArrowDown":
          event.preventDefault();
          if (!expanded) {
            open();
            if (!options.length) {
              suggest();
            }
            return;
          }
          highlight(active + 1 >= options.length ? 0 : active + 1);
          break;
        case "ArrowUp":
          event.preventDefault();
          if (expanded) {
            highlight(active <= 0 ? options.length - 1 : active - 1);
          }
          break;
        case "Enter":
          if (expanded && active >= 0) {
            event.preventDefault();
            go(active);
          }
          break;
        case "Escape":
          if (expanded) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
            lastQuery = "";
          }
          break;
        default:
          break;
      }
    });

    input.addEventListener("blur", function () {
      window.setTimeout(close, 100);
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form.header-search[data-suggestions-url]"), setup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
