// Entry point: wires the form to the statistics and renders the table.
import { parseSeries, describe } from "./stats.js";
import { formatNumber as format } from "./format.js";

function render(stats) {
  const body = document.querySelector("#results tbody");
  body.replaceChildren(
    ...Object.entries(stats).map(([name, value]) => {
      const row = document.createElement("tr");
      const label = document.createElement("td");
      const cell = document.createElement("td");
      label.textContent = name;
      cell.textContent = format(value);
      row.append(label, cell);
      return row;
    }),
  );
  document.getElementById("results").hidden = false;
}

function update() {
  const error = document.getElementById("error");
  try {
    render(describe(parseSeries(document.getElementById("series").value)));
    error.hidden = true;
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
    document.getElementById("results").hidden = true;
  }
}

document.getElementById("series-form").addEventListener("submit", (event) => {
  event.preventDefault();
  update();
});
update();
