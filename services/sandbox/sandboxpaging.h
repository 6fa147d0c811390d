#pragma once

#include "formparams.h"
#include "sandboxmessage.h"

#include <QJsonObject>
#include <QList>
#include <QUrl>

#include <functional>

class SandboxContext;

// Twilio's paging: PageSize (1..1000, default 50), Page (0-based) and PageToken ("PT" + the
// offset of the page's first item; Twilio's tokens are opaque, ours only need to round-trip).
// Renders the v2010 envelope (relative *_uri keys) or the v1 one (meta with absolute URLs).
// Errors: PageSize over 1000 -> 400/20007, a bad PageToken or any other bad value 400/400.
class SandboxPaging
{
public:
    // Turns a stored record into its wire form; applied to the requested page only, so long
    // lists cost little.
    using Renderer = std::function<QJsonObject(const QJsonObject &)>;

    // Answers a list request over already filtered `items` (rendered unless `render` is
    // given). Paging parameters out of range give a 400.
    static SandboxResponse respondV2010(const SandboxRequest &request, const QString &key,
                                        const QList<QJsonObject> &items,
                                        const Renderer &render = nullptr);
    static SandboxResponse respondV1(const SandboxContext &context, const SandboxRequest &request,
                                     const QString &key, const QList<QJsonObject> &items,
                                     const Renderer &render = nullptr);

private:
    SandboxPaging() = default;
    static bool parse(const FormParams &query, SandboxPaging *paging, SandboxResponse *error);
    // Query string for a page: the request's own filters, then PageSize, Page and, when
    // tokenOffset >= 0, the PageToken pointing at that offset.
    QString pageQuery(int page, int tokenOffset) const;
    QJsonArray slice(const QList<QJsonObject> &items, const Renderer &render) const;

    FormParams m_filters; // non-paging query parameters, kept in every page link
    int m_pageSize = 50;
    int m_page = 0;
    int m_offset = 0;
};
