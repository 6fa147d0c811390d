#include "sandboxrequestrecord.h"

#include "formparams.h"
#include "multipartparser.h"

SandboxRequestRecord SandboxRequestRecord::make(const SandboxRequest &request,
                                                const SandboxRouter &router)
{
    SandboxRequestRecord record;
    record.method = request.method;
    record.path = request.path;
    const SandboxRouter::Route *route = nullptr;
    RouteParams params;
    if (router.match(request.method, request.path, &route, &params) ==
        SandboxRouter::Match::Found) {
        record.routed = true;
        record.route = route->info;
    }
    record.contentType = request.header("Content-Type");
    record.queryKeys = FormParams::parse(request.rawQuery).keys();
    const QByteArray mediaType = record.contentType.split(';').constFirst().trimmed().toLower();
    if (mediaType == "application/x-www-form-urlencoded") {
        record.formKeys = FormParams::parse(request.body).keys();
    } else if (mediaType == "multipart/form-data") {
        const auto parts =
            MultipartParser::parse(record.contentType, request.body, &record.bodyProblem);
        if (parts) {
            for (const MultipartParser::Part &part : *parts)
                record.multipartNames.append(part.name);
        }
    }
    return record;
}
