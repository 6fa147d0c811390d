#pragma once

#include "secretredactor.h"

#include <QElapsedTimer>
#include <QIODevice>
#include <QJsonValue>
#include <QString>

// Where the CLI speaks: results on stdout (text or one JSON document), errors and progress on
// stderr. Every byte passes the SecretRedactor first, so even a Twilio message or a pasted URL
// that happened to carry the auth token is masked.
class CliOutput
{
public:
    CliOutput(QIODevice *out, QIODevice *err);

    void setJson(bool json) { m_json = json; }
    bool isJson() const { return m_json; }
    void setRedactor(const SecretRedactor &redactor) { m_redactor = redactor; }
    // Minimum time between two progress lines of the same stage; 0 prints every update.
    void setProgressInterval(int ms) { m_progressIntervalMs = ms; }

    void result(const QString &text);         // stdout, as given (add the newline yourself)
    void resultJson(const QJsonValue &value); // stdout, indented JSON and a newline
    void error(const QString &message);       // stderr: "trunk-migrator-cli: error: ..."
    void note(const QString &message);        // stderr: an informational line
    void prompt(const QString &question);     // stderr, no newline
    // stderr "stage: done/total", throttled; the first and the last update always print.
    void progress(const QString &stage, int done, int total);

private:
    void write(QIODevice *device, const QString &text);

    QIODevice *m_out;
    QIODevice *m_err;
    SecretRedactor m_redactor;
    bool m_json = false;
    int m_progressIntervalMs = 250;
    QElapsedTimer m_sinceProgress;
    QString m_lastStage;
    int m_lastDone = -1;
};
