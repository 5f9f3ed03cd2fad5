# Multi-stage build: a static binary on a minimal base, run as non-root.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/feedgen ./cmd/feedgen

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/feedgen /usr/local/bin/feedgen
USER nonroot:nonroot
EXPOSE 3000
ENTRYPOINT ["/usr/local/bin/feedgen"]
CMD ["serve"]
