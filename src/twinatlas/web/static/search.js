// Autocomplete for the search box: asks /api/search as the user types, in any script.
(function () {
  const input = document.getElementById("q");
  const list = document.getElementById("suggestions");
  if (!input || !list) return;
  let timer = null, asked = "";
  function clear() { list.replaceChildren(); list.hidden = true; }
  async function suggest() {
    const q = input.value.trim();
    if (q.length < 2) { clear(); return; }
    asked = q;
    const params = new URLSearchParams({ q: q, limit: "8", lang: input.dataset.lang || "en" });
    const response = await fetch("/api/search?" + params);
    if (!response.ok || asked !== q) return;
    const found = await response.json();
    list.replaceChildren(...found.map(function (item) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = item.url;
      a.textContent = item.label + (item.place.country ? " (" + item.place.country + ")" : "");  // text, never HTML
      li.appendChild(a);
      return li;
    }));
    list.hidden = found.length === 0;
  }
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(suggest, 150); });
  input.addEventListener("keydown", function (e) {
    const links = Array.from(list.querySelectorAll("a"));
    const at = links.findIndex(function (a) { return a.classList.contains("active"); });
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!links.length) return;
      if (at >= 0) links[at].classList.remove("active");
      const next = (at + (e.key === "ArrowDown" ? 1 : links.length - 1) + (at < 0 && e.key === "ArrowUp" ? 1 : 0)) % links.length;
      links[next].classList.add("active");
    } else if (e.key === "Enter" && at >= 0) {
      e.preventDefault();
      window.location = links[at].href;
    } else if (e.key === "Escape") { clear(); }
  });
  document.addEventListener("click", function (e) { if (!list.contains(e.target) && e.target !== input) clear(); });
})();
