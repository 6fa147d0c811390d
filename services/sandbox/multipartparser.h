#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// Splits a multipart/form-data body (RFC 7578), as the Serverless upload host receives it.
class MultipartParser
{
public:
    struct Part
    {
        QString name;
        QString fileName; // empty when the part has no filename
        QByteArray contentType;
        QByteArray data;
    };

    // nullopt (and *error set) when the Content-Type has no boundary or the body is malformed.
    static std::optional<QList<Part>> parse(const QByteArray &contentType, const QByteArray &body,
                                            QString *error);

private:
    static std::optional<Part> parsePart(const QByteArray &raw);
    static QByteArray headerParameter(const QByteArray &header, const QByteArray &name);
};
