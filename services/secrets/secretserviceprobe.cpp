#include "secretserviceprobe.h"

#include "secretslogging.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QTimer>

SecretServiceProbe::SecretServiceProbe(QObject *parent)
    : QObject(parent)
{}

void SecretServiceProbe::probe(int timeoutMs, Callback done)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        const QString detail = bus.lastError().message();
        qCInfo(lcSecrets) << "no D-Bus session bus:" << detail;
        QTimer::singleShot(0, this, [done, detail] { done(false, detail); });
        return;
    }
    // Peer.Ping is answered by any D-Bus service; the bus starts a Secret Service that is only
    // activatable, and answers ServiceUnknown when there is none at all.
    const QDBusMessage ping = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.DBus.Peer"), QStringLiteral("Ping"));
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(ping, timeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [done](QDBusPendingCallWatcher *call) {
                call->deleteLater();
                if (call->isError()) {
                    qCInfo(lcSecrets) << "no Secret Service:" << call->error().name();
                    done(false, call->error().message());
                } else {
                    done(true, QString());
                }
            });
}
