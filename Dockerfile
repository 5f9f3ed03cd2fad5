# feedgen image: a static Go binary on a slim Debian base, run as the
# unprivileged user feedgen (uid 65532). DEPLOY.md walks through using it on
# fly.io; cmd/feedgen/deploy_test.go checks this file against the code.

# Build stage: the same command a test runs to prove the binary is static.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/feedgen ./cmd/feedgen

# Run stage. Not distroless: a fresh fly.io volume is a root-owned
# directory, so something must hand it to the unprivileged user before
# feedgen starts, and distroless has no shell to do it. Debian's slim image
# has sh and setpriv (util-linux), which deploy/entrypoint.sh uses to chown
# the database directory and then drop root for good. It also gives
# `fly ssh console` a shell for the operator.
FROM debian:bookworm-slim
# The trust roots for Jetstream, the PLC directory and PDSes over TLS.
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
RUN groupadd --system --gid 65532 feedgen \
 && useradd --system --uid 65532 --gid feedgen --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin feedgen \
 && mkdir -p /data \
 && chown feedgen:feedgen /data
COPY --from=build /out/feedgen /usr/local/bin/feedgen
COPY deploy/entrypoint.sh /usr/local/bin/feedgen-entrypoint
# Defaults for a container; fly.toml sets the same.
ENV FEEDGEN_LISTEN=0.0.0.0:3000 \
    FEEDGEN_DB=/data/feedgen.db
WORKDIR /data
EXPOSE 3000
STOPSIGNAL SIGTERM
# No USER: the entrypoint starts as root only to chown the volume, then
# runs feedgen as feedgen:feedgen.
ENTRYPOINT ["/usr/local/bin/feedgen-entrypoint", "/usr/local/bin/feedgen"]
CMD ["serve"]
