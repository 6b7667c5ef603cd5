"""The Qt-free core: domain, use-case services, policy and the headless command line."""
