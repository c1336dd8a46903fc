/**
 * A script for every page's <head> (observablehq.config.ts): keeps, before each form of inputs, a
 * sentence stating what the inputs show ("Shown: Cohort by: registration · Period: month"), hidden on
 * screen and printed (src/print.css), so a printed page says which variant its charts are. It is kept
 * up to date as inputs change rather than written on "beforeprint", which not every way of printing
 * fires (a headless browser's PDF, for one).
 */
export const PRINT_VARIANT_SCRIPT = `<script type="module">
const text = (node) => (node?.textContent ?? "").replace(/\\s+/g, " ").trim();
function describe(form) {
  const label = text(form.querySelector(":scope > label"));
  const select = form.querySelector("select");
  let value = "";
  if (select) value = [...select.selectedOptions].map(text).join(", ");
  else {
    const checked = [...form.querySelectorAll("input:checked")];
    if (checked.length) value = checked.map((input) => text(input.closest("label")) || input.value).join(", ");
    else {
      const input = form.querySelector("input:not([type=radio]):not([type=checkbox]), textarea");
      if (input) value = input.value;
    }
  }
  return value ? (label ? label + ": " + value : value) : "";
}
function update() {
  for (const form of document.querySelectorAll("#observablehq-main form")) {
    // Inputs.table is a form too, but it shows data rather than choosing a variant.
    if (form.querySelector("table")) continue;
    const sentence = describe(form);
    let note = form.previousElementSibling;
    if (!note?.classList.contains("print-variant")) {
      note = document.createElement("p");
      note.className = "print-variant";
      form.before(note);
    }
    const wanted = sentence ? "Shown: " + sentence : "";
    if (note.textContent !== wanted) note.textContent = wanted;
  }
}
let pending = false;
const schedule = () => { if (!pending) { pending = true; requestAnimationFrame(() => { pending = false; update(); }); } };
document.addEventListener("input", schedule, true);
addEventListener("beforeprint", update);
new MutationObserver(schedule).observe(document.getElementById("observablehq-main") ?? document.body, {childList: true, subtree: true});
schedule();
</script>`;
