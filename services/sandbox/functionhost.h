#pragma once

#include "sandboxmessage.h"
#include "webhooksignature.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <optional>

class SandboxContext;

// A Function of a deployed build, found by its public URL https://<environment domain><path>.
struct DeployedFunction
{
    QString domain;        // the environment's domain_name, e.g. tm-1234-dev.twil.io
    QString path;          // /outboundHandler
    QString visibility;    // public | protected | private
    QString code;          // the uploaded content of its version in the deployed build
    QJsonObject variables; // the environment's variables (key -> value)
    QString serviceSid;
    QString environmentSid;
};

// Serves the Functions deployed in the sandbox as Twilio's Functions domains do, running their
// uploaded code (FunctionRuntime). A request reaches them on the sandbox's own port in one of
// two ways (docs/SANDBOX.md, "Functions"):
//   - with a Host header naming the environment's domain (…twil.io) and the Function's path;
//   - at /_functions/<domain><path> (what a client that cannot set Host uses).
// The event is the query string and the form body together; `context` holds the environment's
// variables, DOMAIN_NAME and PATH. A protected Function answers 401 without a valid
// X-Twilio-Signature over https://<domain><path>[?query] and the form parameters, signed with
// the account's auth token; a private one is not served (404), as on Twilio.
class FunctionHost
{
public:
    static std::optional<DeployedFunction> find(const SandboxContext &context,
                                                const QString &domain, const QString &path);

    // Whether `domain` is the domain of one of the account's Functions environments.
    static bool isFunctionsDomain(const SandboxContext &context, const QString &domain);

    // Nullopt when the request is not for a Function, else the Function's answer.
    static std::optional<SandboxResponse> serve(SandboxContext &context,
                                                const SandboxRequest &request);

    // What Twilio gets when it fetches `url` for a call: the Function run with `parameters`,
    // signed as Twilio signs them. A URL that is no deployed Function answers 404.
    static SandboxResponse invoke(SandboxContext &context, const QUrl &url,
                                  const WebhookSignature::Parameters &parameters);

private:
    static SandboxResponse run(const SandboxContext &context, const DeployedFunction &function,
                               const QString &signedUrl, const WebhookSignature::Parameters &query,
                               const WebhookSignature::Parameters &form,
                               const QByteArray &signature);
};
