# Binder and Docker image: Jupyter from a dated docker-stacks base, packages from
# environment.yml (JupyterLab 4 and Notebook 7 among them), then the same set-up the tests
# exercise (./course setup: it finds JupyterLab in the environment, so it makes no virtual
# environment, and turns JupyterLab's news prompt off there). `docker run` serves the course as
# ./course run does, on 00-start-here; Binder starts its own server here, where the badge's
# tree/notebooks/00-start-here.ipynb is.
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
ENV ESCAPELAB_IP=0.0.0.0
CMD ["./course", "run"]
