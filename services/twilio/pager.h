#pragma once

#include "twilioerror.h"
#include "twiliohosts.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QUrl>

// Collects the items of a Twilio list across pages, for both formats:
//  - v2010: {"<key>": [...], "next_page_uri": "/2010-04-01/...?...&PageToken=..." | null}
//  - v1:    {"<key>": [...], "meta": {"key": "<key>", "next_page_url": "https://..." | null}}
// Guards against a server that pages forever: a next link seen before, or more than maxPages
// pages, ends the list with BadResponse.
class Pager
{
    Q_DECLARE_TR_FUNCTIONS(Pager)

public:
    Pager(TwilioHosts::Product product, const QString &listKey, int maxPages);

    // Adds one page. Returns an error (BadResponse) when the page is unusable.
    TwilioError addPage(const QJsonObject &page, const TwilioHosts &hosts);
    bool hasNext() const { return m_next.isValid(); }
    QUrl nextUrl() const { return m_next; }
    const QJsonArray &items() const { return m_items; }
    int pages() const { return m_pages; }

private:
    TwilioHosts::Product m_product;
    QString m_listKey;
    int m_maxPages;
    int m_pages = 0;
    QJsonArray m_items;
    QUrl m_next;
    QSet<QString> m_seenLinks;
};
