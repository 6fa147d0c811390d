#pragma once

#include <QString>
#include <QStringList>

// Twilio's regions and edge locations as the wizard offers them. Twilio retires the
// region-without-edge host form, so each region comes with the edge to pair it with.
namespace RegionCatalog {

// "" (the default, us1) first, then the other regions.
QStringList regions();
// The edges usable with `region` ("" for none first); for us1 every public edge.
QStringList edgesFor(const QString &region);
// The edge to preselect for `region` (au1 -> sydney); empty for the default region.
QString defaultEdge(const QString &region);
// Every edge location, for the ;edge= parameter of the outbound handler.
QStringList allEdges();

} // namespace RegionCatalog
