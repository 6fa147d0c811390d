#pragma once

#include <QHttpServer>
#include <QJsonObject>
#include <QMap>
#include <QStringList>

// A scripted Twilio for answers the sandbox never gives (a region without Functions, broken
// or hostile JSON, failed builds): each "METHOD /path" gets the status and JSON set for it,
// anything else a Twilio-style 404. Records what was asked, so a test can tell that nothing
// was changed.
class FakeTwilio
{
public:
    FakeTwilio();

    // 0 when it could not listen.
    quint16 start();
    void answer(const QString &method, const QString &path, int status, const QJsonObject &json);
    // A v1 list page holding `items` under `key`.
    void answerList(const QString &path, const QString &key, const QList<QJsonObject> &items);

    QStringList requests() const { return m_requests; }
    // Requests that would change something (POST / DELETE).
    int changes() const;

private:
    QHttpServer m_server;
    QMap<QString, QPair<int, QJsonObject>> m_answers;
    QStringList m_requests;
};
