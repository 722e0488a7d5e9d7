package oms.customer.customer;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CustomerRepository extends CrudRepository<Customer, UUID> {

    @Query("SELECT * FROM customer ORDER BY created_at, id LIMIT :limit OFFSET :offset")
    List<Customer> page(int limit, long offset);
}
