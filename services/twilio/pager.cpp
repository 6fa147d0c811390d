#include "pager.h"

#include <QCoreApplication>

namespace {

TwilioError bad(const QString &message)
{
    return TwilioError::make(TwilioError::Kind::BadResponse, message);
}

} // namespace

Pager::Pager(TwilioHosts::Product product, const QString &listKey, int maxPages)
    : m_product(product)
    , m_listKey(listKey)
    , m_maxPages(maxPages)
{}

TwilioError Pager::addPage(const QJsonObject &page, const TwilioHosts &hosts)
{
    ++m_pages;
    m_next = QUrl();
    const QJsonValue list = page.value(m_listKey);
    if (!list.isArray())
        return bad(tr("Twilio's list answer has no \"%1\" array.").arg(m_listKey));
    const QJsonArray array = list.toArray();
    for (const QJsonValue &item : array) {
        if (!item.isObject())
            return bad(
                tr("Twilio's list \"%1\" holds an entry that is not an object.").arg(m_listKey));
        // Every list resource Trunk Migrator reads is identified by its SID: an entry without
        // one (or with one of another JSON type) is a broken answer, not an entry to drop.
        const QJsonValue sid = item.toObject().value(QLatin1String("sid"));
        if (!sid.isString() || sid.toString().isEmpty())
            return bad(tr("Twilio's list \"%1\" holds an entry without a valid \"sid\" (entry %2 "
                          "of page %3).")
                           .arg(m_listKey)
                           .arg(m_items.size() + 1)
                           .arg(m_pages));
        m_items.append(item);
    }

    QJsonValue link = page.value(QLatin1String("next_page_uri"));
    const QJsonValue meta = page.value(QLatin1String("meta"));
    if (meta.isObject())
        link = meta.toObject().value(QLatin1String("next_page_url"));
    if (link.isNull() || link.isUndefined())
        return {};
    if (!link.isString())
        return bad(tr("Twilio's next-page link is not a string."));
    if (link.toString().isEmpty())
        return {};
    const QString text = link.toString();
    if (array.isEmpty())
        return bad(tr("Twilio announced another page after an empty one."));
    if (m_seenLinks.contains(text))
        return bad(tr("Twilio's list pages loop back to a page already read."));
    if (m_pages >= m_maxPages)
        return bad(tr("Twilio's list goes on for more than %1 pages; stopped.").arg(m_maxPages));
    m_seenLinks.insert(text);
    m_next = hosts.nextPageUrl(m_product, text);
    if (!m_next.isValid())
        return bad(tr("Twilio's next-page link is not usable."));
    return {};
}
