# Binder and Docker image: Jupyter from a dated docker-stacks base, packages from
# environment.yml, then the same set-up the tests exercise (./course setup).
FROM jupyter/base-notebook:2023-10-20

ARG NB_USER=jovyan
ARG NB_UID=1000
ENV COURSE_HOME=/home/${NB_USER}/course

USER root
COPY . ${COURSE_HOME}
RUN chown -R ${NB_UID}:users ${COURSE_HOME}

USER ${NB_UID}
RUN mamba env update -n base -f ${COURSE_HOME}/environment.yml && mamba clean -afy
WORKDIR ${COURSE_HOME}
RUN ./course setup
WORKDIR ${COURSE_HOME}/notebooks
