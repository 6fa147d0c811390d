#include "sandboxtransport.h"

#include <QHttpServerRequest>

#include <memory>

SandboxTransport::SandboxTransport(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{}

bool SandboxTransport::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    SandboxRequest copy;
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        copy.method = "GET";
        break;
    case QHttpServerRequest::Method::Post:
        copy.method = "POST";
        break;
    case QHttpServerRequest::Method::Delete:
        copy.method = "DELETE";
        break;
    case QHttpServerRequest::Method::Put:
        copy.method = "PUT";
        break;
    default:
        copy.method = "OTHER";
        break;
    }
    const QUrl url = request.url();
    copy.path = url.path(QUrl::FullyDecoded);
    copy.rawQuery = url.query(QUrl::FullyEncoded).toLatin1();
    copy.headers = request.headers();
    copy.body = request.body();
    m_handler(copy, QPointer<QTcpSocket>(socket));
    return true;
}

void SandboxTransport::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Not reached: handleRequest() takes every request. Answer anyway rather than hang.
    respond(socket, SandboxResponse::notFound(request.url().path()), false);
}

QByteArray SandboxTransport::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Unknown";
    }
}

QByteArray SandboxTransport::head(const SandboxResponse &response, qint64 length, bool closeAfter)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                     reasonPhrase(response.status) + "\r\n";
    if (!response.contentType.isEmpty())
        out += "Content-Type: " + response.contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(length) + "\r\n";
    for (const auto &header : response.headers)
        out += header.first + ": " + header.second + "\r\n";
    if (closeAfter)
        out += "Connection: close\r\n";
    return out + "\r\n";
}

void SandboxTransport::respond(QTcpSocket *socket, const SandboxResponse &response, bool closeAfter)
{
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    socket->write(head(response, response.body.size(), closeAfter) + response.body);
    if (closeAfter)
        socket->disconnectFromHost();
}

void SandboxTransport::stall(QTcpSocket *socket, const SandboxResponse &response)
{
    if (socket && socket->state() == QAbstractSocket::ConnectedState)
        socket->write(head(response, qMax<qint64>(1, response.body.size()), false));
}

void SandboxTransport::streamOversize(QTcpSocket *socket, const SandboxResponse &response)
{
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    socket->write(head(response, OversizeBytes, false) + "{\"items\": [");
    // Written as the client drains it, so the sandbox never holds more than a few chunks.
    static const QByteArray chunk(64 * 1024, ' ');
    auto sent = std::make_shared<qint64>(0);
    auto more = [socket, sent] {
        while (*sent < OversizeBytes && socket->bytesToWrite() < 4 * chunk.size()) {
            socket->write(chunk);
            *sent += chunk.size();
        }
    };
    QObject::connect(socket, &QTcpSocket::bytesWritten, socket, more);
    more();
}

void SandboxTransport::drop(QTcpSocket *socket)
{
    if (socket)
        socket->abort();
}
