#include "sandboxpaging.h"

#include "sandboxcontext.h"

#include <QJsonArray>
#include <QJsonValue>

namespace {
constexpr int kMaxOffset = 100000000;

bool isPagingKey(const QString &key)
{
    return key == QLatin1String("PageSize") || key == QLatin1String("Page") ||
           key == QLatin1String("PageToken");
}

bool parseInt(const QString &text, int *value)
{
    bool ok = false;
    *value = text.toInt(&ok);
    return ok;
}
} // namespace

bool SandboxPaging::parse(const FormParams &query, SandboxPaging *paging, SandboxResponse *error)
{
    for (const QString &key : query.keys()) {
        if (!isPagingKey(key)) {
            for (const QString &value : query.values(key))
                paging->m_filters.add(key, value);
        }
    }
    if (query.contains(QStringLiteral("PageSize"))) {
        int size = 0;
        if (!parseInt(query.value(QStringLiteral("PageSize")), &size) || size < 1) {
            *error = SandboxResponse::invalidParameter(
                QStringLiteral("PageSize must be an integer between 1 and 1000"));
            return false;
        }
        if (size > 1000) {
            *error = SandboxResponse::error(
                400, 20007, QStringLiteral("Page size %1 is larger than 1000").arg(size));
            return false;
        }
        paging->m_pageSize = size;
    }
    if (query.contains(QStringLiteral("Page"))) {
        int page = 0;
        if (!parseInt(query.value(QStringLiteral("Page")), &page) || page < 0) {
            *error = SandboxResponse::invalidParameter(
                QStringLiteral("Page must be a non-negative integer"));
            return false;
        }
        paging->m_page = page;
    }
    // Clamped far beyond any list, so a hostile Page or PageToken gives an empty page rather
    // than an integer overflow.
    paging->m_offset = int(qMin<qint64>(qint64(paging->m_page) * paging->m_pageSize, kMaxOffset));
    if (query.contains(QStringLiteral("PageToken"))) {
        const QString token = query.value(QStringLiteral("PageToken"));
        int offset = -1;
        if (!token.startsWith(QLatin1String("PT")) || !parseInt(token.mid(2), &offset) ||
            offset < 0) {
            // Twilio documents no code of its own for this; its generic one.
            *error = SandboxResponse::error(
                400, 400, QStringLiteral("Invalid PageToken %1").arg(token.left(64)));
            return false;
        }
        paging->m_offset = qMin(offset, kMaxOffset);
    }
    return true;
}

QString SandboxPaging::pageQuery(int page, int tokenOffset) const
{
    QString query = QString::fromLatin1(m_filters.encode());
    if (!query.isEmpty())
        query += QLatin1Char('&');
    query += QStringLiteral("PageSize=%1&Page=%2").arg(m_pageSize).arg(page);
    if (tokenOffset >= 0)
        query += QStringLiteral("&PageToken=PT%1").arg(tokenOffset);
    return query;
}

QJsonArray SandboxPaging::slice(const QList<QJsonObject> &items, const Renderer &render) const
{
    QJsonArray page;
    for (qsizetype i = m_offset; i < items.size() && i < m_offset + m_pageSize; ++i)
        page.append(render ? render(items.at(i)) : items.at(i));
    return page;
}

SandboxResponse SandboxPaging::respondV2010(const SandboxRequest &request, const QString &key,
                                            const QList<QJsonObject> &items, const Renderer &render)
{
    SandboxPaging paging;
    SandboxResponse error;
    if (!parse(FormParams::parse(request.rawQuery), &paging, &error))
        return error;
    const QJsonArray page = paging.slice(items, render);
    const bool hasNext = paging.m_offset + paging.m_pageSize < items.size();
    const QString path = request.path + QLatin1Char('?');
    QJsonObject body{
        {QStringLiteral("first_page_uri"), path + paging.pageQuery(0, -1)},
        {QStringLiteral("next_page_uri"),
         hasNext ? QJsonValue(path + paging.pageQuery(paging.m_page + 1,
                                                      paging.m_offset + paging.m_pageSize))
                 : QJsonValue()},
        {QStringLiteral("previous_page_uri"),
         paging.m_page > 0
             ? QJsonValue(path + paging.pageQuery(paging.m_page - 1,
                                                  qMax(0, paging.m_offset - paging.m_pageSize)))
             : QJsonValue()},
        {QStringLiteral("page"), paging.m_page},
        {QStringLiteral("page_size"), paging.m_pageSize},
        {QStringLiteral("start"), paging.m_offset},
        {QStringLiteral("end"), paging.m_offset + qMax(0, int(page.size()) - 1)},
        {QStringLiteral("uri"), path + paging.pageQuery(paging.m_page, -1)},
        {key, page},
    };
    return SandboxResponse::json(200, body);
}

SandboxResponse SandboxPaging::respondV1(const SandboxContext &context,
                                         const SandboxRequest &request, const QString &key,
                                         const QList<QJsonObject> &items, const Renderer &render)
{
    SandboxPaging paging;
    SandboxResponse error;
    if (!parse(FormParams::parse(request.rawQuery), &paging, &error))
        return error;
    const QJsonArray page = paging.slice(items, render);
    const bool hasNext = paging.m_offset + paging.m_pageSize < items.size();
    const QString url = context.absoluteUrl(request.path) + QLatin1Char('?');
    const QJsonObject meta{
        {QStringLiteral("first_page_url"), url + paging.pageQuery(0, -1)},
        {QStringLiteral("key"), key},
        {QStringLiteral("next_page_url"),
         hasNext ? QJsonValue(url + paging.pageQuery(paging.m_page + 1,
                                                     paging.m_offset + paging.m_pageSize))
                 : QJsonValue()},
        {QStringLiteral("page"), paging.m_page},
        {QStringLiteral("page_size"), paging.m_pageSize},
        {QStringLiteral("previous_page_url"),
         paging.m_page > 0
             ? QJsonValue(url + paging.pageQuery(paging.m_page - 1,
                                                 qMax(0, paging.m_offset - paging.m_pageSize)))
             : QJsonValue()},
        {QStringLiteral("url"), url + paging.pageQuery(paging.m_page, -1)},
    };
    return SandboxResponse::json(200, QJsonObject{{key, page}, {QStringLiteral("meta"), meta}});
}
