#include "errortext.h"

#include <QCoreApplication>

namespace {
// The translation context of this file's texts, visible to lupdate.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
};
} // namespace

namespace {
QString details(const OperationError &error, bool linked)
{
    QStringList parts;
    if (error.twilioCode != 0) {
        const QString code = Tr::tr("Twilio error %1").arg(error.twilioCode);
        if (linked && error.moreInfo.isValid()) {
            parts.append(QStringLiteral("<a href=\"%1\">%2</a>")
                             .arg(error.moreInfo.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                  code.toHtmlEscaped()));
        } else {
            parts.append(linked ? code.toHtmlEscaped() : code);
        }
    }
    if (error.httpStatus != 0)
        parts.append(Tr::tr("HTTP %1").arg(error.httpStatus));
    if (!error.requestId.isEmpty()) {
        const QString id = Tr::tr("request %1").arg(error.requestId);
        parts.append(linked ? id.toHtmlEscaped() : id);
    }
    return parts.join(QStringLiteral(", "));
}
} // namespace

namespace ErrorText {

QString html(const OperationError &error)
{
    if (error.isNull())
        return {};
    QString text = error.message.toHtmlEscaped();
    const QString more = details(error, true);
    if (!more.isEmpty())
        text += QStringLiteral("<br>%1").arg(more);
    return text;
}

QString plain(const OperationError &error)
{
    if (error.isNull())
        return {};
    const QString more = details(error, false);
    return more.isEmpty() ? error.message : QStringLiteral("%1 (%2)").arg(error.message, more);
}

} // namespace ErrorText
