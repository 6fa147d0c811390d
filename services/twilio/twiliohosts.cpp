#include "twiliohosts.h"

#include "formencoder.h"
#include "validation.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace {

// Region and edge names are single DNS labels such as "au1" or "sydney".
bool isLabel(const QString &value)
{
    static const QRegularExpression re(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?")));
    return re.match(value).hasMatch();
}

bool isServerless(TwilioHosts::Product product)
{
    return product == TwilioHosts::Product::Serverless ||
           product == TwilioHosts::Product::ServerlessUpload;
}

} // namespace

TwilioHosts::TwilioHosts(const TwilioEndpoint &endpoint)
    : m_endpoint(endpoint)
{}

QString TwilioHosts::check() const
{
    if (!m_endpoint.baseUrlOverride.isEmpty()) {
        const QUrl &url = m_endpoint.baseUrlOverride;
        if (url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
            return tr("The API base URL must not carry a query, fragment or user name.");
        return Validation::checkApiBaseUrl(url);
    }
    if (!m_endpoint.region.isEmpty() && !isLabel(m_endpoint.region))
        return tr("\"%1\" is not a Twilio region name (for example au1).")
            .arg(m_endpoint.region.left(64));
    if (!m_endpoint.edge.isEmpty() && !isLabel(m_endpoint.edge))
        return tr("\"%1\" is not a Twilio edge name (for example sydney).")
            .arg(m_endpoint.edge.left(64));
    return {};
}

QString TwilioHosts::defaultHost(Product product)
{
    switch (product) {
    case Product::Api:
        return QStringLiteral("api.twilio.com");
    case Product::Trunking:
        return QStringLiteral("trunking.twilio.com");
    case Product::Serverless:
        return QStringLiteral("serverless.twilio.com");
    case Product::ServerlessUpload:
        return QStringLiteral("serverless-upload.twilio.com");
    }
    return {};
}

QString TwilioHosts::defaultServerlessEdge(const QString &region)
{
    if (region == QLatin1String("us1"))
        return QStringLiteral("ashburn");
    if (region == QLatin1String("au1"))
        return QStringLiteral("sydney");
    if (region == QLatin1String("ie1"))
        return QStringLiteral("dublin");
    return {};
}

QString TwilioHosts::regionalHost(const QString &host, const QString &region, const QString &edge)
{
    QStringList labels = host.split(QLatin1Char('.'));
    if (labels.size() < 3)
        return host;
    const QStringList domain = labels.mid(labels.size() - 2);
    const QStringList prefix = labels.mid(0, labels.size() - 2);
    const QString product = prefix.value(0);
    QString existingEdge;
    QString existingRegion;
    if (prefix.size() == 2) {
        existingRegion = prefix.at(1);
    } else if (prefix.size() >= 3) {
        existingEdge = prefix.at(1);
        existingRegion = prefix.at(2);
    }
    QString finalRegion = !region.isEmpty() ? region : existingRegion;
    if (finalRegion.isEmpty() && !edge.isEmpty())
        finalRegion = QStringLiteral("us1");
    if (finalRegion.isEmpty())
        return host;
    const QString finalEdge = !edge.isEmpty() ? edge : existingEdge;
    QStringList parts{product};
    if (!finalEdge.isEmpty())
        parts << finalEdge;
    parts << finalRegion << domain;
    return parts.join(QLatin1Char('.'));
}

QUrl TwilioHosts::baseUrl(Product product) const
{
    if (!m_endpoint.baseUrlOverride.isEmpty()) {
        QUrl base = m_endpoint.baseUrlOverride;
        QString path = base.path();
        while (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        base.setPath(path);
        return base;
    }
    QString edge = m_endpoint.edge;
    if (isServerless(product) && edge.isEmpty())
        edge = defaultServerlessEdge(m_endpoint.region);
    QUrl base;
    base.setScheme(QStringLiteral("https"));
    base.setHost(regionalHost(defaultHost(product), m_endpoint.region, edge));
    return base;
}

QUrl TwilioHosts::url(Product product, const QString &path, const FormFields &query) const
{
    QUrl result = baseUrl(product);
    result.setPath(result.path() + path);
    if (!query.isEmpty())
        result.setQuery(QString::fromLatin1(FormEncoder::encode(query)), QUrl::StrictMode);
    return result;
}

QUrl TwilioHosts::nextPageUrl(Product product, const QString &link) const
{
    if (link.isEmpty() || link.size() > 8192)
        return {};
    const QUrl parsed(link, QUrl::StrictMode);
    if (!parsed.isValid() || !parsed.path().startsWith(QLatin1Char('/')) ||
        parsed.path().contains(QLatin1String("/../")) || parsed.hasFragment())
        return {};
    // The server's own path is kept under our base (which carries any override prefix only
    // once: the link was built by a server that knows nothing of our prefix).
    QUrl result = baseUrl(product);
    const QString basePath = result.path();
    QString path = parsed.path();
    if (!basePath.isEmpty() && path.startsWith(basePath + QLatin1Char('/')))
        path = path.mid(basePath.size());
    result.setPath(basePath + path);
    if (parsed.hasQuery())
        result.setQuery(parsed.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return result;
}
