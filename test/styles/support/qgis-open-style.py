"""Opens the zoning tiles in QGIS with the server's style, as a QGIS user would, and draws them.

    python3 qgis-open-style.py BASE_URL OUT_PNG WEST SOUTH EAST NORTH [LON,LAT ...]

BASE_URL is the server's origin. Adds a generic vector tile connection to the composite tiles
with /styles/zoning.json as its style URL, loads that style, draws the box (WGS84 degrees) at
800 x 600 pixels into OUT_PNG, and prints one JSON object: whether the layer and its style
loaded, what QGIS's style converter warned of, how many rendering and labelling styles it made
and the expressions they compute properties with, the text of every label QGIS placed, the
commonest colours of the image, and the colour of the pixel at each LON,LAT given.
"""

import json
import os
import sys
import urllib.request

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402  (the platform must be set first)
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsMapBoxGlStyleConversionContext,
    QgsMapBoxGlStyleConverter,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorTileLayer,
)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402


def main(base_url, out_png, west, south, east, north, probes):
    app = QgsApplication([], False)
    app.initQgis()
    try:
        return draw(base_url, out_png, QgsRectangle(west, south, east, north), probes)
    finally:
        app.exitQgis()


def draw(base_url, out_png, box, probes):
    template = f"{base_url}/tiles/zoning/{{z}}/{{x}}/{{y}}.mvt"
    style_url = f"{base_url}/styles/zoning.json"
    source = f"type=xyz&url={template}&zmin=0&zmax=14&styleUrl={style_url}"
    layer = QgsVectorTileLayer(source, "zoning")
    message, style_loaded = layer.loadDefaultStyle()

    # The converter once more, on its own, for its warnings: loading the style logs them only.
    with urllib.request.urlopen(style_url) as response:
        style = json.load(response)
    converter = QgsMapBoxGlStyleConverter()
    converter.convert(style, QgsMapBoxGlStyleConversionContext())

    mercator = QgsCoordinateReferenceSystem("EPSG:3857")
    to_mercator = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"), mercator, QgsProject.instance()
    )
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(mercator)
    settings.setOutputSize(QSize(800, 600))
    settings.setBackgroundColor(QColor("#ffffff"))
    settings.setExtent(to_mercator.transformBoundingBox(box))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(out_png, "PNG")
    labels = job.takeLabelingResults()

    # How many pixels have each colour, the commonest first: the areas' fills, blended.
    image = job.renderedImage()
    counts = {}
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            colour = QColor(image.pixel(x, y)).name()
            counts[colour] = counts.get(colour, 0) + 1
    colours = sorted(counts.items(), key=lambda item: -item[1])[:40]
    probed = []
    for lon, lat in probes:
        pixel = settings.mapToPixel().transform(to_mercator.transform(QgsPointXY(lon, lat)))
        colour = QColor(image.pixel(round(pixel.x()), round(pixel.y()))).name()
        probed.append({"at": [lon, lat], "colour": colour})

    renderer = layer.renderer()
    labeling = layer.labeling()
    expressions = []
    for style in (renderer.styles() if renderer else []):
        for index in range(style.symbol().symbolLayerCount()):
            properties = style.symbol().symbolLayer(index).dataDefinedProperties()
            for key in properties.propertyKeys():
                expressions.append(properties.property(key).asExpression())
    for style in (labeling.styles() if labeling else []):
        # Held apart: the collection belongs to this copy of the settings.
        settings = style.labelSettings()
        properties = settings.dataDefinedProperties()
        for key in properties.propertyKeys():
            expressions.append(properties.property(key).asExpression())
    return {
        "valid": layer.isValid(),
        "styleLoaded": style_loaded,
        "styleMessage": message,
        "warnings": converter.warnings(),
        "rendererStyles": len(renderer.styles()) if renderer else 0,
        "labelingStyles": len(labeling.styles()) if labeling else 0,
        "expressions": expressions,
        "labels": sorted({label.labelText for label in labels.allLabels()}) if labels else [],
        "errors": [str(error.message) for error in job.errors()],
        "colours": [{"colour": colour, "pixels": pixels} for colour, pixels in colours],
        "probes": probed,
    }


if __name__ == "__main__":
    base, out, *rest = sys.argv[1:]
    box = [float(value) for value in rest[:4]]
    probes = [tuple(float(value) for value in point.split(",")) for point in rest[4:]]
    print(json.dumps(main(base, out, *box, probes), ensure_ascii=False))
