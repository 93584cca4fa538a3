# The flagship R Plumber API as a first attempt would write it: one stage, `apt-get install` with
# recommends and the package lists left in the image, the toolchain kept, the package unstripped,
# running as root. benchmarks/docker/seed-claims.sh compares its size with the generated Dockerfile.
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y r-base-core r-cran-plumber r-cran-rcpp g++ make curl tini
COPY app/ /app-src/
RUN mkdir -p /opt/rlib && R CMD INSTALL --library=/opt/rlib /app-src/rpkg && cp -r /app-src/api /app
ENV R_LIBS=/opt/rlib
EXPOSE 8000
CMD ["Rscript", "/app/run.R"]
