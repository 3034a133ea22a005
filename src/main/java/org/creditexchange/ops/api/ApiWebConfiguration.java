package org.creditexchange.ops.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The servlet side of the API beyond controllers: the upload size check ahead of everything else. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class ApiWebConfiguration {

    @Bean
    public FilterRegistrationBean<UploadSizeFilter> uploadSizeFilter(MultipartProperties multipart, ObjectMapper json) {
        FilterRegistrationBean<UploadSizeFilter> registration =
                new FilterRegistrationBean<>(new UploadSizeFilter(multipart, json));
        registration.addUrlPatterns("/api/units/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
