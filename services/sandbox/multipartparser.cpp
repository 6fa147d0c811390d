#include "multipartparser.h"

QByteArray MultipartParser::headerParameter(const QByteArray &header, const QByteArray &name)
{
    // Parameters look like `name="value"` or `name=value`, separated by ';'.
    const QList<QByteArray> items = header.split(';');
    for (const QByteArray &item : items) {
        const QByteArray trimmed = item.trimmed();
        const qsizetype eq = trimmed.indexOf('=');
        if (eq < 0 || trimmed.left(eq).trimmed().compare(name, Qt::CaseInsensitive) != 0)
            continue;
        QByteArray value = trimmed.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2);
        return value;
    }
    return {};
}

std::optional<MultipartParser::Part> MultipartParser::parsePart(const QByteArray &raw)
{
    const qsizetype headerEnd = raw.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return std::nullopt;
    Part part;
    part.data = raw.mid(headerEnd + 4);
    const QList<QByteArray> lines = raw.left(headerEnd).split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray key = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (key.compare("Content-Disposition", Qt::CaseInsensitive) == 0) {
            part.name = QString::fromUtf8(headerParameter(value, "name"));
            part.fileName = QString::fromUtf8(headerParameter(value, "filename"));
        } else if (key.compare("Content-Type", Qt::CaseInsensitive) == 0) {
            part.contentType = value;
        }
    }
    if (part.name.isEmpty())
        return std::nullopt;
    return part;
}

std::optional<QList<MultipartParser::Part>>
MultipartParser::parse(const QByteArray &contentType, const QByteArray &body, QString *error)
{
    const auto fail = [error](const char *why) {
        if (error)
            *error = QString::fromLatin1(why);
        return std::nullopt;
    };
    if (!contentType.trimmed().toLower().startsWith("multipart/form-data"))
        return fail("Content-Type is not multipart/form-data");
    const QByteArray boundary = headerParameter(contentType, "boundary");
    if (boundary.isEmpty())
        return fail("multipart boundary missing");

    const QByteArray delimiter = "--" + boundary;
    qsizetype pos = body.indexOf(delimiter);
    if (pos < 0)
        return fail("multipart body has no boundary line");
    QList<Part> parts;
    while (true) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            return parts; // closing delimiter
        if (body.mid(pos, 2) != "\r\n")
            return fail("malformed multipart boundary line");
        pos += 2;
        const qsizetype next = body.indexOf("\r\n" + delimiter, pos);
        if (next < 0)
            return fail("multipart body is truncated");
        const std::optional<Part> part = parsePart(body.mid(pos, next - pos));
        if (!part)
            return fail("multipart part without a name");
        parts.append(*part);
        pos = next + 2;
    }
}
