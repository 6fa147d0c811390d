#include "sandboxrouter.h"

#include "validation.h"

#include <QRegularExpression>

QString SandboxRouteInfo::specPath() const
{
    static const QRegularExpression prefix(QStringLiteral(":[A-Z]{2}\\}"));
    QString path = pathTemplate;
    return path.replace(prefix, QStringLiteral("}"));
}

void SandboxRouter::add(const QByteArray &method, const QString &pathTemplate,
                        const QString &specFile, RouteHandler handler)
{
    m_routes.append({{method, pathTemplate, specFile}, std::move(handler)});
}

bool SandboxRouter::matchTemplate(const QString &pathTemplate, const QString &path,
                                  RouteParams *params)
{
    const QStringList wanted = pathTemplate.split(QLatin1Char('/'));
    const QStringList given = path.split(QLatin1Char('/'));
    if (wanted.size() != given.size())
        return false;
    RouteParams found;
    for (qsizetype i = 0; i < wanted.size(); ++i) {
        const QString &w = wanted.at(i);
        const QString &g = given.at(i);
        const qsizetype open = w.indexOf(QLatin1Char('{'));
        if (open < 0) {
            if (w != g)
                return false;
            continue;
        }
        const qsizetype close = w.indexOf(QLatin1Char('}'));
        const QString head = w.left(open);
        const QString tail = w.mid(close + 1); // ".json" or empty
        if (!g.startsWith(head) || !g.endsWith(tail) || g.size() <= head.size() + tail.size())
            return false;
        const QString value = g.mid(head.size(), g.size() - head.size() - tail.size());
        const QString spec = w.mid(open + 1, close - open - 1);
        const qsizetype colon = spec.indexOf(QLatin1Char(':'));
        if (colon >= 0) {
            const QByteArray prefix = spec.mid(colon + 1).toLatin1();
            // The spec's patterns are lower-case hex ("^TK[0-9a-f]{32}$").
            if (!Validation::isSid(value, prefix.constData()) ||
                value.mid(2) != value.mid(2).toLower())
                return false;
        }
        found.insert(colon >= 0 ? spec.left(colon) : spec, value);
    }
    *params = found;
    return true;
}

SandboxRouter::Match SandboxRouter::match(const QByteArray &method, const QString &path,
                                          const Route **route, RouteParams *params) const
{
    bool pathKnown = false;
    for (const Route &candidate : m_routes) {
        RouteParams found;
        if (!matchTemplate(candidate.info.pathTemplate, path, &found))
            continue;
        pathKnown = true;
        if (candidate.info.method != method)
            continue;
        *route = &candidate;
        *params = found;
        return Match::Found;
    }
    return pathKnown ? Match::WrongMethod : Match::NoPath;
}

QList<SandboxRouteInfo> SandboxRouter::routes() const
{
    QList<SandboxRouteInfo> result;
    result.reserve(m_routes.size());
    for (const Route &route : m_routes)
        result.append(route.info);
    return result;
}
