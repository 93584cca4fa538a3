# Entry point of the sample image: CMD ["Rscript", "/app/run.R"].
# Serves plumber.R (next to this script) on 0.0.0.0:$PORT (default 8000).

library(plumber)

script_dir <- function() {
  file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  if (length(file_arg) == 0L) return(getwd())
  dirname(normalizePath(sub("^--file=", "", file_arg[[1L]])))
}

port <- suppressWarnings(as.integer(Sys.getenv("PORT", "8000")))
if (is.na(port) || port < 1L || port > 65535L) stop("PORT must be an integer in 1..65535")
host <- Sys.getenv("HOST", "0.0.0.0")

api <- plumb(file.path(script_dir(), "plumber.R"))
message(sprintf("plumberstats API listening on http://%s:%d", host, port))
pr_run(api, host = host, port = port, docs = FALSE)
