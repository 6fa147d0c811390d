#pragma once

#include "twiliocredentials.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

using FormFields = QList<QPair<QString, QString>>;

// Builds the base URL of each Twilio product for a region/edge or a sandbox override, and
// rewrites next-page links onto that base. Pure logic: no network.
class TwilioHosts
{
    Q_DECLARE_TR_FUNCTIONS(TwilioHosts)

public:
    enum class Product { Api, Trunking, Serverless, ServerlessUpload };

    explicit TwilioHosts(const TwilioEndpoint &endpoint = {});

    // Empty when the endpoint is usable; otherwise a translated sentence (malformed
    // region/edge, or plain http to a host that is not this computer).
    QString check() const;

    // scheme://host[:port][/prefix], without a trailing '/'.
    QUrl baseUrl(Product product) const;
    // baseUrl + path, with the query encoded the way Twilio expects ('+' as %2B).
    QUrl url(Product product, const QString &path, const FormFields &query = {}) const;
    // Maps a list's next-page link onto our base: v2010 gives a relative next_page_uri, v1
    // an absolute meta.next_page_url naming Twilio's default host. Only the path and query
    // are kept, so a hostile answer can never send our credentials to another host. Returns
    // an invalid QUrl when the link is unusable.
    QUrl nextPageUrl(Product product, const QString &link) const;

    // twilio-node's BaseTwilio.getHostname: rewrites "api.twilio.com" for a region/edge.
    static QString regionalHost(const QString &host, const QString &region, const QString &edge);
    // serverless-toolkit fills in an edge when only a region is given.
    static QString defaultServerlessEdge(const QString &region);
    static QString defaultHost(Product product);

private:
    TwilioEndpoint m_endpoint;
};
