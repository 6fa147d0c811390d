#include "regioncatalog.h"

namespace {
struct RegionEdge
{
    const char *region;
    const char *edge;
};

// Processing regions and the edge that sits in the same place (twilio-api.md, "Regions").
constexpr RegionEdge kPairs[] = {
    {"us1", "ashburn"},
    {"ie1", "dublin"},
    {"au1", "sydney"},
    {"jp1", "tokyo"},
};

constexpr const char *kEdges[] = {"ashburn",   "umatilla",  "dublin", "frankfurt",
                                  "sao-paulo", "singapore", "sydney", "tokyo"};
} // namespace

namespace RegionCatalog {

QStringList regions()
{
    // us1 is the default region itself, so it appears once, as "".
    QStringList result{QString()};
    for (const RegionEdge &pair : kPairs) {
        if (QLatin1String(pair.region) != QLatin1String("us1"))
            result.append(QLatin1String(pair.region));
    }
    return result;
}

QStringList edgesFor(const QString &region)
{
    if (region.isEmpty() || region == QLatin1String("us1")) {
        QStringList result{QString()};
        result.append(allEdges());
        return result;
    }
    // Outside us1 the region's own edge is the one Twilio documents as supported.
    const QString edge = defaultEdge(region);
    return edge.isEmpty() ? QStringList{QString()} : QStringList{edge};
}

QString defaultEdge(const QString &region)
{
    if (region.isEmpty())
        return {};
    for (const RegionEdge &pair : kPairs) {
        if (region == QLatin1String(pair.region))
            return QLatin1String(pair.edge);
    }
    return {};
}

QStringList allEdges()
{
    QStringList result;
    for (const char *edge : kEdges)
        result.append(QLatin1String(edge));
    return result;
}

} // namespace RegionCatalog
