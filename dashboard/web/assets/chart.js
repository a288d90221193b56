// Draws the chart of a chart page from the JSON beside it; a click on a mark opens its figure's page.
(function () {
  "use strict";
  var spec = JSON.parse(document.getElementById("chart-spec").textContent);
  var chart = document.getElementById("chart");
  Plotly.newPlot(chart, spec.figure.data, spec.figure.layout, spec.config);
  chart.on("plotly_click", function (event) {
    var point = event.points && event.points[0];
    var id = point && point.customdata && point.customdata[7];
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
