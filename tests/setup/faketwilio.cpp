#include "faketwilio.h"

#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>

namespace {
QString methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    default:
        return QStringLiteral("OTHER");
    }
}
} // namespace

FakeTwilio::FakeTwilio()
{
    m_server.setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            const QString key = methodName(request.method()) + u' ' + request.url().path();
            m_requests.append(key);
            const auto found = m_answers.constFind(key);
            if (found == m_answers.cend()) {
                responder.write(
                    QJsonDocument(QJsonObject{{"code", 20404},
                                              {"message", "The requested resource was not found"},
                                              {"status", 404}}),
                    QHttpServerResponder::StatusCode::NotFound);
                return;
            }
            responder.write(QJsonDocument(found->second),
                            QHttpServerResponder::StatusCode(found->first));
        });
}

quint16 FakeTwilio::start()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void FakeTwilio::answer(const QString &method, const QString &path, int status,
                        const QJsonObject &json)
{
    m_answers.insert(method + u' ' + path, {status, json});
}

void FakeTwilio::answerList(const QString &path, const QString &key,
                            const QList<QJsonObject> &items)
{
    QJsonArray array;
    for (const QJsonObject &item : items)
        array.append(item);
    answer(QStringLiteral("GET"), path, 200,
           QJsonObject{{key, array},
                       {"meta", QJsonObject{{"key", key},
                                            {"next_page_url", QJsonValue()},
                                            {"page", 0},
                                            {"page_size", 50}}}});
}

int FakeTwilio::changes() const
{
    int count = 0;
    for (const QString &request : m_requests)
        count += request.startsWith(QLatin1String("POST")) ||
                 request.startsWith(QLatin1String("DELETE"));
    return count;
}
