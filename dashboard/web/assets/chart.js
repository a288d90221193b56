// Draws the chart of a chart page from the JSON beside it; a click on a mark opens its figure's page.
(function () {
  "use strict";
  var spec = JSON.parse(document.getElementById("chart-spec").textContent);
  var chart = document.getElementById("chart");
  var aligning = false;

  // The footer (sources, note, the dashboard's name) starts at the chart's left edge, not the plot's, so that a
  // narrow chart (a phone, a 320-pixel frame) shows it whole: its x is set from where the plot area is drawn.
  function alignFooter() {
    var layout = chart.layout || {};
    var notes = layout.annotations || [];
    var at = notes.findIndex(function (note) { return note.name === "footer"; });
    var svg = chart.querySelector("svg.main-svg");
    var plot = chart.querySelector(".draglayer .nsewdrag");
    if (aligning || at < 0 || !svg || !plot) { return; }
    var area = plot.getBoundingClientRect();
    var left = area.left - svg.getBoundingClientRect().left;
    var x = area.width > 0 ? -(left - 10) / area.width : 0;
    if (Math.abs((notes[at].x || 0) - x) < 0.002) { return; }
    aligning = true;
    var update = {};
    update["annotations[" + at + "].x"] = x;
    Plotly.relayout(chart, update).then(function () { aligning = false; }, function () { aligning = false; });
  }

  Plotly.newPlot(chart, spec.figure.data, spec.figure.layout, spec.config).then(function () {
    chart.on("plotly_afterplot", alignFooter);
    alignFooter();
  });
  chart.on("plotly_click", function (event) {
    var point = event.points && event.points[0];
    var id = point && point.customdata && point.customdata[spec.figure_field];
    if (!id) { return; }
    var target = spec.figure_base + encodeURIComponent(id) + "?lang=" + spec.lang;
    if (spec.embed) { window.open(target, "_blank", "noopener"); } else { window.location.href = target; }
  });
  var svg = document.getElementById("download-svg");
  if (svg) {
    svg.addEventListener("click", function () {
      Plotly.downloadImage(chart, {format: "svg", filename: spec.filename});
    });
  }
}());
