# The flagship R Plumber API in one stage written carefully (no recommends, no package lists left,
# stripped, non-root), so the size comparison separates apt hygiene from the multi-stage split:
# what this image still carries is the compiler toolchain the generated Dockerfile leaves behind.
FROM debian:bookworm-slim
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        r-base-core r-cran-plumber r-cran-rcpp g++ make binutils curl tini \
    && rm -rf /var/lib/apt/lists/*
COPY app/ /app-src/
RUN mkdir -p /opt/rlib && R CMD INSTALL --library=/opt/rlib /app-src/rpkg \
    && find /opt/rlib -name '*.so' -exec strip --strip-debug {} + \
    && cp -r /app-src/api /app && rm -rf /app-src
RUN groupadd --system --gid 1001 api && useradd --system --uid 1001 --gid 1001 --no-create-home api
USER 1001:1001
ENV R_LIBS=/opt/rlib
EXPOSE 8000
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["Rscript", "/app/run.R"]
