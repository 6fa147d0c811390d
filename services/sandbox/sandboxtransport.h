#pragma once

#include "sandboxmessage.h"

#include <QAbstractHttpServer>
#include <QPointer>
#include <QTcpSocket>

#include <functional>

// The HTTP side of the sandbox on QtHttpServer 6.4. Hands every complete request to a
// callback with the connection, and writes answers whenever the callback decides.
//
// Why not QHttpServerResponder: in Qt 6.4 it keeps a reference to the per-connection
// QHttpServerRequest, which the server clears and reuses once handleRequest() returns, so a
// responder kept for a delayed answer would read a recycled request. We copy the request out
// and write the HTTP/1.1 answer on the (QPointer-guarded) socket ourselves.
class SandboxTransport : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using Handler = std::function<void(const SandboxRequest &, const QPointer<QTcpSocket> &)>;

    explicit SandboxTransport(Handler handler, QObject *parent = nullptr);

    // Writes the answer; does nothing when the client has gone. `closeAfter` ends the
    // connection once written (the client asked for Connection: close).
    static void respond(QTcpSocket *socket, const SandboxResponse &response, bool closeAfter);
    // Closes the connection without an answer (fault injection).
    static void drop(QTcpSocket *socket);
    // Fault injection: the status line and headers (Content-Length of the real body), then not
    // one byte more; the connection stays open until the client gives up.
    static void stall(QTcpSocket *socket, const SandboxResponse &response);
    // Fault injection: a body far past any sane size (OversizeBytes, declared in
    // Content-Length), streamed as the client reads it until it closes the connection.
    static void streamOversize(QTcpSocket *socket, const SandboxResponse &response);
    static constexpr qint64 OversizeBytes = qint64(1) << 30;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    static QByteArray reasonPhrase(int status);
    static QByteArray head(const SandboxResponse &response, qint64 length, bool closeAfter);
    Handler m_handler;
};
